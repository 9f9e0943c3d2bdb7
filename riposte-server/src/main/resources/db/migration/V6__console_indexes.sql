-- The web console: the indicator list is ordered by last update (newest first), and the start page counts the
-- indicators added per day over the last two weeks. Without these both sort or scan the whole table.
create index ix_indicators_updated on indicators (updated_at);
create index ix_indicators_created on indicators (created_at);
