import type { Routes } from '../../lib/http/context.js';
import { registerImportRoutes } from '../../lib/spreadsheet/routes.js';
import { buildExpertTemplate, getExpertImportJob, importExperts } from './xlsx.js';

/** The expert pool as xlsx, through the spreadsheet engine's import routes. */
export const expertXlsxRoutes: Routes = (instance) =>
  registerImportRoutes(instance, {
    base: '/api/experts',
    access: 'expert:manage',
    tags: ['experts'],
    templateName: '专家库导入模板',
    templateAscii: 'experts-template',
    summaries: {
      template: 'Import template of the expert pool (xlsx, Chinese headers, a 填写说明 sheet)',
      import: 'Import experts into the pool, all or nothing',
      job: 'Progress and error report of one of my expert pool imports',
    },
    template: buildExpertTemplate,
    run: importExperts,
    job: getExpertImportJob,
  });
