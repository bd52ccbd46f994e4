"""``python -m jcm_pdd``: the same entry point as the ``jcm-pdd`` command."""

from jcm_pdd.cli import entry

entry()
