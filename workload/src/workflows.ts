// Workflow templates per namespace: step DAGs modelled on tasker-core's example templates. Browser-safe.

export interface StepTemplate {
  name: string;
  dependsOn: string[];
}

export interface WorkflowTemplate {
  namespace: string;
  taskName: string;
  version: string;
  steps: StepTemplate[];
}

const chain = (names: string[]): StepTemplate[] =>
  names.map((name, i) => ({ name, dependsOn: i === 0 ? [] : [names[i - 1]] }));

export const WORKFLOWS: readonly WorkflowTemplate[] = [
  {
    namespace: 'linear_workflow',
    taskName: 'mathematical_sequence',
    version: '1.0.0',
    steps: chain(['linear_step_1', 'linear_step_2', 'linear_step_3', 'linear_step_4']),
  },
  {
    namespace: 'diamond_workflow',
    taskName: 'diamond_pattern',
    version: '1.0.0',
    steps: [
      { name: 'diamond_start', dependsOn: [] },
      { name: 'diamond_branch_b', dependsOn: ['diamond_start'] },
      { name: 'diamond_branch_c', dependsOn: ['diamond_start'] },
      { name: 'diamond_end', dependsOn: ['diamond_branch_b', 'diamond_branch_c'] },
    ],
  },
  {
    namespace: 'tree_workflow',
    taskName: 'hierarchical_tree',
    version: '1.0.0',
    steps: [
      { name: 'tree_root', dependsOn: [] },
      { name: 'tree_branch_left', dependsOn: ['tree_root'] },
      { name: 'tree_branch_right', dependsOn: ['tree_root'] },
      { name: 'tree_leaf_d', dependsOn: ['tree_branch_left'] },
      { name: 'tree_leaf_e', dependsOn: ['tree_branch_left'] },
      { name: 'tree_leaf_f', dependsOn: ['tree_branch_right'] },
      { name: 'tree_leaf_g', dependsOn: ['tree_branch_right'] },
      { name: 'tree_final_convergence', dependsOn: ['tree_leaf_d', 'tree_leaf_e', 'tree_leaf_f', 'tree_leaf_g'] },
    ],
  },
  {
    namespace: 'order_fulfillment',
    taskName: 'business_workflow',
    version: '1.0.0',
    steps: [
      { name: 'validate_order', dependsOn: [] },
      { name: 'reserve_inventory', dependsOn: ['validate_order'] },
      { name: 'process_payment', dependsOn: ['validate_order'] },
      { name: 'ship_order', dependsOn: ['reserve_inventory', 'process_payment'] },
    ],
  },
  {
    namespace: 'payments',
    taskName: 'process_refund',
    version: '2.1.0',
    steps: chain(['validate_refund_request', 'check_refund_policy', 'process_gateway_refund', 'notify_customer']),
  },
  {
    namespace: 'ecommerce',
    taskName: 'order_processing',
    version: '1.0.0',
    steps: chain(['validate_cart', 'process_payment', 'update_inventory', 'create_order', 'send_confirmation']),
  },
  {
    namespace: 'data_pipeline',
    taskName: 'analytics_pipeline',
    version: '1.0.0',
    steps: [
      { name: 'extract_sales_data', dependsOn: [] },
      { name: 'extract_inventory_data', dependsOn: [] },
      { name: 'extract_customer_data', dependsOn: [] },
      { name: 'transform_sales', dependsOn: ['extract_sales_data'] },
      { name: 'transform_inventory', dependsOn: ['extract_inventory_data'] },
      { name: 'transform_customers', dependsOn: ['extract_customer_data'] },
      { name: 'aggregate_metrics', dependsOn: ['transform_sales', 'transform_inventory', 'transform_customers'] },
      { name: 'generate_insights', dependsOn: ['aggregate_metrics'] },
    ],
  },
  {
    // The guide's example namespace.
    namespace: 'fulfillment',
    taskName: 'fulfill_order',
    version: '1.0.0',
    steps: chain(['pick_items', 'pack_order', 'ship_package']),
  },
];

export const NAMESPACES: readonly string[] = WORKFLOWS.map((w) => w.namespace);

export function workflowFor(namespace: string): WorkflowTemplate {
  const found = WORKFLOWS.find((w) => w.namespace === namespace);
  if (!found) {
    throw new Error(`Unknown namespace "${namespace}". Known: ${NAMESPACES.join(', ')}`);
  }
  return found;
}
