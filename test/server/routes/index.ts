/**
 * Every API route, under `/api/v3`. A new family of routes (workflow dispatch, packages, …) is a new
 * file here exporting its `Route[]`, added to this list; the contract test then checks it against
 * GitHub's OpenAPI description.
 */

import type { Route } from '../http/router';
import { artifactRoutes } from './artifacts';
import { branchRoutes } from './branches';
import { contentRoutes } from './contents';
import { dispatchRoutes } from './dispatches';
import { jobRoutes } from './jobs';
import { packageRoutes } from './packages';
import { repositoryRoutes } from './repositories';
import { rerunRoutes } from './reruns';
import { userRoutes } from './users';
import { workflowRoutes } from './workflows';
import { workflowRunRoutes } from './workflowRuns';

export const API_ROUTES: readonly Route[] = [
  ...userRoutes,
  ...repositoryRoutes,
  ...branchRoutes,
  ...workflowRoutes,
  ...workflowRunRoutes,
  ...dispatchRoutes,
  ...rerunRoutes,
  ...jobRoutes,
  ...artifactRoutes,
  ...contentRoutes,
  ...packageRoutes,
];
