import { NotFoundPage } from "@/app/_pages/not-found";

export default NotFoundPage;
