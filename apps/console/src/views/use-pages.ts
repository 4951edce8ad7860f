import { useInfiniteQuery } from '@tanstack/react-query';
import { api, Page, query } from '../api/client';

/** A cursor-paged list of the api, flattened, with "load more" when there is a next page. */
export function usePages<T>(path: string, params: Record<string, string | undefined>) {
  const result = useInfiniteQuery({
    queryKey: [path, params],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<T>>(`${path}${query({ ...params, limit: 50, cursor: pageParam })}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = result.data?.pages.flatMap((page) => page.items) ?? [];
  return { result, rows, more: result.hasNextPage ? () => void result.fetchNextPage() : undefined };
}
