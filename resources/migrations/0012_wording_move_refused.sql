-- The wording frozen with an issued decision cannot be replaced by moving another
-- decision's wording onto it. 0008's update trigger looks only at the row's old owner, so
-- `UPDATE OR REPLACE decision_wording SET decision_id = <issued> WHERE decision_id = <draft>` passed: REPLACE removes
-- the frozen row without firing its delete trigger (recursive triggers are off), and an issued decision that has no
-- frozen row (imported from a version-1 exchange package) could be given one. Decision lines check both owners; now
-- the wording does too.
CREATE TRIGGER decision_wording_update_onto_issued BEFORE UPDATE OF decision_id ON decision_wording
WHEN (SELECT status FROM decision WHERE id = NEW.decision_id) = 'issued'
BEGIN
  SELECT RAISE(ABORT, 'ISSUED_DECISION_IMMUTABLE');
END;
