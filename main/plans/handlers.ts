import type { HandlersOf } from '../../shared/contract';
import type { plansContract } from '../../shared/contracts/plans';
import type { ServiceContext } from '../services/context';
import * as plans from './service';
import * as reviews from '../reviews/service';
import { exportPlan, exportReview, planPrintView, reviewPrintView } from './export';

/** The contract calls of PDCA plans and management reviews, bound to one service context. */
export function plansHandlers(ctx: ServiceContext): HandlersOf<keyof typeof plansContract> {
  return {
    'plans:generate': (i) => plans.generatePlan(ctx, i),
    'plans:list': (i) => plans.listPlans(ctx, i),
    'plans:get': (i) => plans.getPlan(ctx, i.id),
    'plans:advance': (i) => plans.advancePlan(ctx, i),
    'plans:saveDrafts': (i) => plans.saveDrafts(ctx, i),
    'plans:confirmActions': (i) => plans.confirmActions(ctx, i),
    'plans:check': (i) => plans.checkPlan(ctx, i.id),
    'plans:act': (i) => plans.actPlan(ctx, i),
    'plans:export': (i) => exportPlan(ctx, i),
    'plans:printView': (i) => planPrintView(ctx, i),
    'reviews:create': (i) => reviews.createReview(ctx, i),
    'reviews:list': (i) => reviews.listReviews(ctx, i),
    'reviews:get': (i) => reviews.getReview(ctx, i.id),
    'reviews:update': (i) => reviews.updateReview(ctx, i),
    'reviews:export': (i) => exportReview(ctx, i),
    'reviews:printView': (i) => reviewPrintView(ctx, i),
  };
}
