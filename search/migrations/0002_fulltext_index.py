"""The database's own full-text index over SearchDocument's token columns.

SQLite: an external-content FTS5 table kept in step by triggers. PostgreSQL: generated tsvector
columns with GIN indexes. The tokens are already normalised in Python, so both only match them.
"""

from django.db import migrations

COLUMNS = ["title_tokens", "summary_tokens", "description_tokens", "provider_tokens",
           "meta_tokens", "facet_tokens"]
_cols = ", ".join(COLUMNS)
_new = ", ".join(f"new.{c}" for c in COLUMNS)
_old = ", ".join(f"old.{c}" for c in COLUMNS)

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({_cols},
        content='search_searchdocument', content_rowid='offer_id',
        tokenize='unicode61 remove_diacritics 0', detail='column')""",
    # fewer, larger merges while many documents are inserted (imports)
    "INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 16)",
    f"""CREATE TRIGGER search_doc_ai AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {_cols}) VALUES (new.offer_id, {_new}); END""",
    f"""CREATE TRIGGER search_doc_ad AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_cols}) VALUES ('delete', old.offer_id, {_old}); END""",
    f"""CREATE TRIGGER search_doc_au AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {_cols}) VALUES ('delete', old.offer_id, {_old});
        INSERT INTO search_fts(rowid, {_cols}) VALUES (new.offer_id, {_new}); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_doc_ai",
    "DROP TRIGGER IF EXISTS search_doc_ad",
    "DROP TRIGGER IF EXISTS search_doc_au",
    "DROP TABLE IF EXISTS search_fts",
]

POSTGRES_FORWARD = [
    """ALTER TABLE search_searchdocument ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_tokens), 'A')
        || setweight(to_tsvector('simple', summary_tokens), 'B')
        || setweight(to_tsvector('simple', description_tokens), 'C')
        || setweight(to_tsvector('simple', provider_tokens || ' ' || meta_tokens), 'D')
    ) STORED""",
    """ALTER TABLE search_searchdocument ADD COLUMN ftsv tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', facet_tokens)) STORED""",
    "CREATE INDEX search_doc_tsv ON search_searchdocument USING gin (tsv)",
    "CREATE INDEX search_doc_ftsv ON search_searchdocument USING gin (ftsv)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_doc_ftsv",
    "DROP INDEX IF EXISTS search_doc_tsv",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS ftsv",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS tsv",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
