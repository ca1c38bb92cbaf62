// Shapes of the reference data loaded by `npm run db:seed`.

/** One of the 14 lĩnh vực, with help text shown when a resident picks a field. */
export interface FieldSeed {
  number: number;
  code: string;
  nameVi: string;
  nameEn: string;
  helpVi: string;
  helpEn: string;
}

/** One of the 4 tiêu chuẩn chung; `short*` fits on a button (≤ 40 characters). */
export interface CriterionSeed {
  number: number;
  code: string;
  nameVi: string;
  nameEn: string;
  shortVi: string;
  shortEn: string;
}

/** A phong trào thi đua; dates are ISO yyyy-mm-dd, open-ended when absent. */
export interface MovementSeed {
  code: string;
  nameVi: string;
  nameEn: string;
  startsOn?: string;
  endsOn?: string;
  responsibleUnit?: string;
}

/** A unit of the sample organisation tree. */
export interface UnitSeed {
  code: string;
  name: string;
  kind: "PROVINCE" | "DISTRICT" | "COMMUNE" | "HAMLET" | "AGENCY" | "DEPARTMENT";
  block?: string;
  children?: UnitSeed[];
}

/** An emulation block (khối / cụm thi đua). */
export interface BlockSeed {
  code: string;
  name: string;
}
