// Every closed vocabulary of the product, declared with vocab() (./define.ts): the values, the
// union type, the valibot picklist and the Vietnamese labels. Who (people, units,
// organisations) and what (campaigns, steps, forms, meetings) each have one module.
export * from "./people";
export * from "./campaigns";
export * from "./positions";
export * from "./audit-actions";
