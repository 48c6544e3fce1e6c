import type { ReactNode } from "react";
import { Tabs } from "@/components/ui/Tabs";

export default function MonitoringLayout({ children }: { children: ReactNode }) {
  return (
    <div className="space-y-6">
      <h1>Мониторинг подключения учреждений</h1>
      <Tabs
        label="Разделы мониторинга"
        items={[
          { href: "/monitoring", label: "Учреждения" },
          { href: "/monitoring/progress", label: "Сроки и прогресс" },
          { href: "/monitoring/charts", label: "Диаграммы" },
        ]}
      />
      {children}
    </div>
  );
}
