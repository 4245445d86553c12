//go:build tools

// Package tools pins the YAML language host that `pulumi up` starts for a `runtime: yaml` program
// (Pulumi's own distribution ships it beside the CLI). pulumi-yaml v1.25.0 is built against pkg/v3
// v3.206.0 and does not compile against v3.276.0, so this module keeps the versions pulumi-yaml asks for;
// the host speaks the language-host protocol to the v3.276.0 CLI.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
