//go:build tools

// Package tools pins the Pulumi CLI. pkg/v3's own go.mod has replace lines, so `go install` of the
// command fails; as a dependency of this module those lines are ignored and the command builds.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
