"""The fictional demo data set, built deterministically as plain Python specs (no database).

`build.build_dataset()` returns organisations, contacts and offers; `demo.loader` writes them.
"""
