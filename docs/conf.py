"""Sphinx configuration: MyST pages, autodoc API, the examples gallery.

Build offline with warnings as errors (the examples run the bundled
model): ``python -m sphinx -W -b html docs docs/_build/html``.
"""

import os

# one torch thread: the gallery runs the parser, the build machine is small
os.environ.setdefault("OMP_NUM_THREADS", "1")

project = "quotes"
author = "The quotes developers"
copyright = "the quotes developers"
extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx_gallery.gen_gallery",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build", "examples", "auto_examples/*.ipynb",
                    "auto_examples/*.py", "auto_examples/*.zip"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
# quotes.dask needs the optional dask extra, which the docs group lacks:
# autodoc reads its docstrings against stand-in modules
autodoc_mock_imports = ["dask", "distributed"]
autodoc_typehints = "description"
html_theme = "furo"
html_title = "quotes: who said what, in what role"
html_static_path: list[str] = []

sphinx_gallery_conf = {
    "examples_dirs": "examples",
    "gallery_dirs": "auto_examples",
    "filename_pattern": r"/ex_",
    "ignore_pattern": r"/_",
    "within_subsection_order": "FileNameSortKey",
    "capture_repr": ("_repr_html_", "__repr__"),
    "image_scrapers": (),  # text and HTML output only: no matplotlib
    "reset_modules": (),  # keep quotes' shared pipeline between examples
    "abort_on_example_error": True,
    "run_stale_examples": True,  # always show the output of today's code
    "doc_module": ("quotes",),
    "backreferences_dir": "gen_modules/backreferences",
    "download_all_examples": False,
    "write_computation_times": False,
    "min_reported_time": 3600,
}
