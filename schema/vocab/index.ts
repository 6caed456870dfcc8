// Every closed vocabulary of the product, one module each: the values, the union type, the
// valibot picklist and the Vietnamese labels. The client may import these: the picklists are
// marked pure, so a client module that takes only the labels ships no valibot.
export * from "./campaign-statuses";
export * from "./due-rules";
export * from "./field-types";
export * from "./member-statuses";
export * from "./merge-kinds";
export * from "./presences";
export * from "./review-ratings";
export * from "./roles";
export * from "./step-kinds";
export * from "./submission-statuses";
export * from "./tenant-kinds";
export * from "./unit-kinds";
export * from "./levels";
export * from "./management-categories";
export * from "./organisations";
export * from "./positions";
export * from "./completions";
export * from "./audit-actions";
export * from "./notify-modes";
