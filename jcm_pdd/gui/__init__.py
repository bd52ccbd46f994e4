"""The desktop app (PySide6): the only package that imports Qt.

``application.run_app`` is the entry point; ``mainwindow`` holds the window chrome; editors are
generated from ``jcm_pdd.session.formview`` by ``section_editor``/``fields``/``table_editor``;
``controller`` wraps a headless ``DocumentSession`` in a QUndoStack. Heavy modules (QtCharts,
exporters) are imported only when first needed, to keep start-up lean.
"""
