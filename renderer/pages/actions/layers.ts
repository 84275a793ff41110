/**
 * Dialogs opened from an action's drawer (edit, verify): above it. antd gives drawers and
 * modals the same default z-index (1000), and the drawer, mounted first but shown later,
 * would otherwise cover the dialog it opened.
 */
export const OVER_DRAWER_Z = 1100;
