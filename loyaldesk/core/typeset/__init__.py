"""Japanese typesetting by JIS X 4051 / W3C JLREQ in one place (no Qt): the kinsoku rules, number groups and
Latin runs, vertical cells and columns (postcards, envelopes, card message sides) and horizontal lines
(letters, card message sides, the report). docs/addresses.md and docs/letters.md describe the rules."""
