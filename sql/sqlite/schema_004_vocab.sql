-- Document frequency of every indexed term, so related reading can pick an article's rarest words.
CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
