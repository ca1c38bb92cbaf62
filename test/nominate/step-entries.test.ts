// A nomination step is one entry: what the preview offers to change and where a submission
// sends the nominator back for a missing answer are read from the entries.
import { describe, expect, it } from "vitest";
import { missingForSubmission, requiredDraftFields } from "../../core/nominations/lifecycle";
import { editableSteps, stepFilling, steps } from "../../core/workflow/steps";
import { stepIds } from "../../core/workflow/types";

describe("nomination step entries", () => {
  it("fill every field a submission requires, each by exactly one step", () => {
    for (const field of requiredDraftFields) {
      expect(stepIds.filter((id) => steps[id].fills === field), field).toHaveLength(1);
    }
    expect(requiredDraftFields.map((f) => stepFilling(f).id)).toEqual(["kind", "name", "unit", "field", "achievements", "criteria", "consent"]);
  });

  it("give the preview its buttons, in the order of asking", () => {
    expect(editableSteps).toEqual(["kind", "name", "unit", "field", "movement", "achievements", "criteria", "photos", "contact", "consent"]);
  });

  it("send a draft lacking answers back to the first step that asks one", () => {
    const missing = missingForSubmission({ nomineeKind: "INDIVIDUAL", nomineeName: "Lò Thị Mai", unitId: 3, fieldId: null, achievements: null, consent: "GIVEN", criteriaCount: 0 });
    expect(missing).toEqual(["fieldId", "achievements", "criteria"]);
    expect(stepFilling(missing[0]!).id).toBe("field");
  });
});
