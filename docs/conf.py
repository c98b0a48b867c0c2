"""Sphinx configuration: MyST pages, autodoc API, the examples gallery."""

project = "quotes"
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx_gallery.gen_gallery",
]
intersphinx_mapping = {"python": ("https://docs.python.org/3", None)}
html_theme = "furo"
sphinx_gallery_conf = {
    "examples_dirs": "examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/ex_",
    "within_subsection_order": "FileNameSortKey",
    "capture_repr": ("__repr__",),
    "abort_on_example_error": True,
    "doc_module": ("quotes",),
    "backreferences_dir": "gen_modules/backreferences",
}
