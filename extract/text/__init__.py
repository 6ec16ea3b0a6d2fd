"""From a file's text to a parsed ``Doc``, and what the text says about itself.

Modules: :mod:`.document` (a document and its text), :mod:`.encodings` (bytes to text), :mod:`.html_reader`
(a saved web page), :mod:`.clutter` (page furniture), :mod:`.pipeline` (the spaCy pipeline), :mod:`.long_text`
(documents over the parser's limit), :mod:`.sentence_view` (one sentence's tokens and mentions), :mod:`.dates`
(calendar dates), :mod:`.metadata` (title, date, author, publisher).
"""
