import dayjs from 'dayjs';

/**
 * A moment as the workbench writes dates, in local time: 2026-12-06 08:39. The browser's own
 * toLocaleString wrote 2026/12/6 08:39:50 beside YYYY-MM-DD everywhere else.
 */
export const formatMoment = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');
