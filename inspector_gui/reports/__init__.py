"""The application layer: reads a store into what a screen or a file shows (the window's
catalogue, provider summaries, league tables, chart data, themes, benchmarks, comparisons). It sits
between the store and its users (the window, the CLI, the writers); the domain below it stays free
of the store."""
