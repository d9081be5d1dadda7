-- The search index's author column holds the story's agency after its
-- people (`SearchText::new`), so a wire story is found by "Reuters" or
-- "APA". Articles stored since 0014 have an agency the index lacks: it is
-- rebuilt, in steps, as 0013 does.
INSERT INTO search_reindex (asked_at) VALUES (unixepoch());
