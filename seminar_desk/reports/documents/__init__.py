"""The report builders: one module per kind of document, each filling a `Story`."""
