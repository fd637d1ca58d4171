-- Schema v5: a UBND decision that implements an HĐND resolution (the "giao dự toán" after the HĐND's
-- breakdown of the recurrent estimate). It carries no lines of its own — the resolution's lines are the money,
-- so the ledger counts them once — and prints the resolution's annexes under the UBND's number.
ALTER TABLE decision ADD COLUMN implements_id INTEGER REFERENCES decision(id);
CREATE UNIQUE INDEX decision_one_implementation ON decision(implements_id) WHERE implements_id IS NOT NULL;
