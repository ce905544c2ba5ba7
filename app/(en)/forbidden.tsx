import { ForbiddenPage } from "@/app/_pages/not-found";

export default ForbiddenPage;
