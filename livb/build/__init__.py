"""Building documents: view model, Jinja templates, constrained Markdown, the Word writer."""
