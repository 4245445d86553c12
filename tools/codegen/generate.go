package main

import (
	"fmt"
	"path"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// sdk is one language's generated files, keyed by path relative to that SDK's folder.
type sdk struct {
	language string
	files    map[string][]byte
}

// generate runs the three generators the way the language plugins do for `pulumi package gen-sdk`
// (the tool names are theirs, so the generated headers read the same), each on a freshly bound
// package because a generator stores its settings on the package it is given.
func generate(schemaPath string, first *schema.Package) ([]sdk, error) {
	generators := []struct {
		language string
		run      func(*schema.Package) (map[string][]byte, error)
	}{
		{"nodejs", func(p *schema.Package) (map[string][]byte, error) {
			return nodejs.GeneratePackage("pulumi-language-nodejs", p, nil, nil, false, noLoader{})
		}},
		{"python", func(p *schema.Package) (map[string][]byte, error) {
			files, err := python.GeneratePackage("pulumi-language-python", p, nil, noLoader{})
			// pyproject.toml names a README.md beside it, which the generator writes only inside
			// the package folder (providers copy it up in their build); pip warns without it.
			for name, text := range files {
				if path.Base(name) == "README.md" && strings.Count(name, "/") == 1 {
					files["README.md"] = text
				}
			}
			return files, err
		}},
		{"go", func(p *schema.Package) (map[string][]byte, error) {
			files, err := gogen.GeneratePackage("pulumi-language-go", p, nil)
			// sdk/go/go.mod and go.sum belong to the project: they pin the Pulumi Go SDK and list
			// every module the SDK needs, which a generated go.mod (direct requirement only) cannot.
			delete(files, "go.mod")
			return files, err
		}},
	}
	var sdks []sdk
	for i, g := range generators {
		pkg := first
		if i > 0 {
			var err error
			if pkg, err = loadPackage(schemaPath); err != nil {
				return nil, err
			}
		}
		files, err := g.run(pkg)
		if err != nil {
			return nil, fmt.Errorf("%s SDK: %w", g.language, err)
		}
		sdks = append(sdks, sdk{g.language, files})
	}
	return sdks, nil
}
