export { knowledge } from "./case-fixtures";
export { SAMPLE_TREE as SAMPLE_TREE_FOR_LINT } from "./factories";
