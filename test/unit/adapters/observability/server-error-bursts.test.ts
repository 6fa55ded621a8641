import { OpsNotice } from '../../../../src/application/ports/ops-notifier';
import { serverErrorBursts } from '../../../../src/adapters/observability/server-error-bursts';

describe('bursts of 5xx answers', () => {
  it('are told once per window when they reach the threshold; lone faults and other answers are not', () => {
    const told: OpsNotice[] = [];
    let now = 0;
    const watch = serverErrorBursts(
      { notify: (notice) => told.push(notice) },
      { threshold: 3, windowMs: 60_000, now: () => now },
    );
    const answer = (status: number, route = '/api/v2/users/:id') => watch({ status, method: 'GET', route });

    answer(500);
    now = 61_000;
    answer(500);
    answer(200);
    answer(404);
    expect(told).toEqual([]);

    answer(503, '/api/v2/users/:id/points');
    answer(500);
    answer(500);
    answer(500);
    expect(told).toEqual([
      {
        title: '3 answers 5xx within 60 s',
        severity: 'error',
        description: '2 × 500 GET /api/v2/users/:id\n1 × 503 GET /api/v2/users/:id/points',
      },
    ]);

    now = 121_000;
    answer(500);
    answer(500);
    expect(told).toHaveLength(1);
    answer(500);
    expect(told).toHaveLength(2);
  });
});
