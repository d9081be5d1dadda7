-- The news agency the article's page credits for the story ("AFP", "APA"),
-- apart from its people (byline_extract::Extracted::agency); NULL when it
-- credits none or was not extracted.
ALTER TABLE articles ADD COLUMN agency TEXT;
