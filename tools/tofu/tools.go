//go:build tools

// Package tools pins the OpenTofu CLI that the Terraform end-to-end tests run beside terraform.
package tools

import (
	_ "github.com/opentofu/opentofu/cmd/tofu"
)
