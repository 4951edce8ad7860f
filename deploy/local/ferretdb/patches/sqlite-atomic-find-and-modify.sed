# target: internal/handler/msg_findandmodify.go
# findAndModify reads, changes and writes back like update; it takes the same per-collection lock (see
# sqlite-atomic-updates.sed, which defines lockCollectionWrites).
s|^	res, err := h.findAndModifyDocument(connCtx, params)$|	unlock := lockCollectionWrites(params.DB, params.Collection)\n	res, err := h.findAndModifyDocument(connCtx, params)\n	unlock()|
