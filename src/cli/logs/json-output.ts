import { AccessLogReport } from '../../adapters/access-log/access-log-report';

export const renderJson = (report: AccessLogReport): string => `${JSON.stringify(report, null, 2)}\n`;
