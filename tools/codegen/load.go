package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// readSpec parses the schema file; it is read again for each language because the generators
// record their language settings on the bound package.
func readSpec(path string) (schema.PackageSpec, error) {
	var spec schema.PackageSpec
	text, err := os.ReadFile(path)
	if err != nil {
		return spec, err
	}
	if err := json.Unmarshal(text, &spec); err != nil {
		return spec, fmt.Errorf("%s: %w", path, err)
	}
	return spec, nil
}

// loadPackage binds the schema with the same validation `pulumi package gen-sdk` applies, so a
// schema the CLI would reject fails here too.
func loadPackage(path string) (*schema.Package, error) {
	spec, err := readSpec(path)
	if err != nil {
		return nil, err
	}
	pkg, diags, err := schema.BindSpec(spec, noLoader{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("%s: %w", path, errors.Join(diags.Errs()...))
	}
	return pkg, nil
}

// noLoader refuses every package reference: the schema is self-contained, and generation must not
// look for other packages' schemas (which would mean running or downloading plugins).
type noLoader struct{}

var errNoReferences = errors.New("the schema refers to another package; only self-contained schemas are supported")

func (noLoader) LoadPackage(string, *semver.Version) (*schema.Package, error) {
	return nil, errNoReferences
}

func (noLoader) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errNoReferences
}

func (noLoader) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errNoReferences
}

func (noLoader) LoadPackageReferenceV2(context.Context, *schema.PackageDescriptor) (schema.PackageReference, error) {
	return nil, errNoReferences
}
