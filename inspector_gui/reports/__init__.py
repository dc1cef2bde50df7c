"""The application layer: reads a store into what a screen or a file shows."""
