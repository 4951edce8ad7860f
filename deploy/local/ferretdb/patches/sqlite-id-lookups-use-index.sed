# target: internal/backends/sqlite/metadata/metadata.go
# FerretDB 1.24's SQLite backend pushes an {_id: value} filter down as `_ferretdb_sjson->'$._id' = ?`, but builds the
# unique _id index on `_ferretdb_sjson->"_id"`. SQLite uses an expression index only for the identical expression,
# so every lookup by _id scanned the whole table. Both expressions extract the same value; writing the lookup like the
# index makes it an index search, as DESIGN.md §4 (and MongoDB itself) assume.
s|IDColumn = DefaultColumn + "->'\$\._id'"|IDColumn = DefaultColumn + "->\\"_id\\""|
