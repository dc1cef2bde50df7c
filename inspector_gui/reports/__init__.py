"""The application layer: reads a store into what a screen or a file shows (themes, benchmarks,
comparisons, direction of travel). Free of Qt; the views and the CLI call it."""
