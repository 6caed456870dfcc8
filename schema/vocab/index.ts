// Every closed vocabulary of the product, declared with vocab() (./define.ts): the values, the
// union type, the valibot picklist and the Vietnamese labels. Who (people, units,
// organisations) and what (campaigns, steps, forms, meetings) each have one module; roles and
// what a task list shows (tasks.ts) have their own: the client's entry chunk takes those.
export * from "./people";
export * from "./roles";
export * from "./campaigns";
export * from "./tasks";
export * from "./positions";
export * from "./audit-actions";
