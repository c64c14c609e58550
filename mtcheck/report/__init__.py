"""Reports written from check results: one module per format."""

FORMATS = ("text", "json", "html")
