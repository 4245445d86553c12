package main

import (
	"os"
	"path/filepath"
)

// writeTree writes one SDK's files under out/language, creating folders as needed.
func writeTree(out, language string, files map[string][]byte) error {
	for rel, text := range files {
		path := filepath.Join(out, language, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, text, 0o644); err != nil {
			return err
		}
	}
	return nil
}
