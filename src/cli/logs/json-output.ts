import { AccessLogReport } from '../../adapters/log-analysis/access-log-report';

export const renderJson = (report: AccessLogReport): string => `${JSON.stringify(report, null, 2)}\n`;
