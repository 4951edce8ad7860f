# target: internal/handler/msg_delete.go
# A delete with a filter beyond `_id` (the relay's "drop this outbox marker if it is still the one I saw") reads the
# matching documents, then deletes them by record: an update landing in between (an append marking the stream again)
# was deleted with them, and its events were never published. The delete now takes the per-collection lock that
# update and findAndModify take (sqlite-atomic-updates.sed), so its filter holds at the moment it deletes.
s|^		d, err = h.execDelete(connCtx, c, \&p)$|		unlock := lockCollectionWrites(params.DB, params.Collection)\n		d, err = h.execDelete(connCtx, c, \&p)\n		unlock()|
