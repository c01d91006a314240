import type { Routes } from '../../lib/http/context.js';
import { registerImportRoutes } from '../../lib/spreadsheet/routes.js';
import { buildBrokerTemplate, getBrokerImportJob, importBrokers } from './xlsx.js';

/** The registry as xlsx, through the spreadsheet engine's import routes. */
export const brokerXlsxRoutes: Routes = (instance) =>
  registerImportRoutes(instance, {
    base: '/api/brokers',
    access: 'broker:manage',
    tags: ['brokers'],
    templateName: '技术经纪人名录导入模板',
    templateAscii: 'brokers-template',
    summaries: {
      template: 'Import template of the broker registry (xlsx, Chinese headers, a 填写说明 sheet)',
      import: 'Import registry entries with their accreditation and trainings, all or nothing',
      job: 'Progress and error report of one of my registry imports',
    },
    template: ({ actor }) => buildBrokerTemplate({ actor }),
    run: importBrokers,
    job: getBrokerImportJob,
  });
