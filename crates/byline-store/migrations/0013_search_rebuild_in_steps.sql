-- The search index is rebuilt in short steps, newest articles first, while
-- the app runs (`Store::rebuild_search_index`), no longer in one
-- transaction inside `Store::open`: at 100,000 articles that kept the
-- window empty for seconds after an update. A started rebuild records how
-- far it got: the articles before (before_sort_key, before_id) in list
-- order are still to be indexed. A row without them is a new request, and
-- the rebuild starts over.
ALTER TABLE search_reindex ADD COLUMN before_sort_key INTEGER;
ALTER TABLE search_reindex ADD COLUMN before_id INTEGER;
