"""JCM PDD Studio: draft, calculate, export and package JCM Project Design Documents.

The package root owns the version string and one process-wide rule: no pydantic plugins
(``pydantic_plugins``; it must hold before any model class is built, and every part of the
app is imported through this package). Everything else lives in subpackages (see README.md,
"Architecture"). Only ``jcm_pdd.gui`` may import PySide6.
"""

from jcm_pdd import pydantic_plugins

__version__ = "0.1.0"

pydantic_plugins.install()
