//go:build tools

// Package tools pins the Node.js language host that `pulumi up` starts for a nodejs program.
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs"
)
