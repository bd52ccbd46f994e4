"""JCM PDD Studio: draft, calculate, export and package JCM Project Design Documents.

The package root owns only the version string; everything else lives in subpackages
(see README.md, "Architecture"). Only ``jcm_pdd.gui`` may import PySide6.
"""

__version__ = "0.1.0"
