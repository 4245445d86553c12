// Command codegen writes the project's Pulumi SDKs (Node.js, Python, Go) from schema/schema.json with
// Pulumi's own code generators, so users of every language get the SDK shape the Pulumi CLI itself
// would produce with `pulumi package gen-sdk`.
//
// Usage:
//
//	codegen -schema schema/schema.json -out DIR
//
// It writes DIR/nodejs, DIR/python and DIR/go and nothing else; the project's build step
// (scripts/build.ts) runs it into a temporary folder and copies or compares the result with sdk/.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	schemaPath := flag.String("schema", "schema/schema.json", "the package schema to generate from")
	out := flag.String("out", "", "the folder that receives nodejs/, python/ and go/ (required)")
	flag.Parse()
	if *out == "" || flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*schemaPath, *out); err != nil {
		fmt.Fprintf(os.Stderr, "codegen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, out string) error {
	pkg, err := loadPackage(schemaPath)
	if err != nil {
		return err
	}
	sdks, err := generate(schemaPath, pkg)
	if err != nil {
		return err
	}
	for _, sdk := range sdks {
		for name, text := range sdk.files {
			sdk.files[name] = markGenerated(name, text)
		}
		if err := writeTree(out, sdk.language, sdk.files); err != nil {
			return err
		}
	}
	return nil
}
